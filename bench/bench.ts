import { benchImport } from './import-bench';

// `npm run bench`: 1,000 signed bundles from a folder through the real import path (worker verification).
const bundles = Number(process.env.PLEDGE_BENCH_BUNDLES ?? 1000);
const result = await benchImport({ bundles });
process.stdout.write(
  `가져오기 벤치마크: 번들 ${result.bundles}개 (반영 ${result.accepted}), ${result.seconds.toFixed(1)}초, 초당 ${result.perSecond.toFixed(1)}개\n` +
    `${JSON.stringify({ bundles: result.bundles, seconds: Number(result.seconds.toFixed(2)), perSecond: Number(result.perSecond.toFixed(1)) })}\n`,
);
