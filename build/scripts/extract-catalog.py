#!/usr/bin/env python3
"""Extract Seoul's 민선7기 pledge catalog from the seed texts into domain/catalog/data/seoul-minseon7.json.

Sources (read-only):
  - /work/shared/seeds/000_c2cd1c21a4edac4c.txt  the plan "민선7기 공약이행 관리계획" (2018-09): the overview table
    near "공약현황" (areas, slogans, sub-goals with counts) and 붙임 1 "공약사업 목록(안)" (core pledges, projects).
  - /work/shared/seeds/002_486bee54cc2d6fea.txt  the campaign's own numbering 1–66 by campaign category.

Usage:  python3 build/scripts/extract-catalog.py [--seeds DIR] [--out FILE] [--quiet]
The output is written as is (.prettierignore excludes domain/catalog/data/*.json), so rerunning reproduces it byte for byte.

The JSON is the product (the planning office may edit and redistribute it); this script documents how it was made.
Every place where parsing is ambiguous is an explicit hand-correction below, and the script fails loudly if the result
does not match the counts stated in the plan (7 areas, 66 core pledges, 238 projects, per-sub-goal counts).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SEEDS = Path('/work/shared/seeds')
PLAN_FILE = '000_c2cd1c21a4edac4c.txt'
CAMPAIGN_FILE = '002_486bee54cc2d6fea.txt'
DEFAULT_OUT = REPO / 'domain/catalog/data/seoul-minseon7.json'

# ---------------------------------------------------------------------------------------------------------------
# Known facts from the plan, used to check the parse (not to produce it).
EXPECTED_PROJECTS_PER_AREA = [33, 39, 24, 42, 34, 11, 55]
EXPECTED_CORE_PLEDGES = 66
EXPECTED_PROJECTS = 238

# The 25 lead departments (실·본부·국) that appear in 붙임1. The parser locates the department column by these names,
# because the converter flattened the table into one line and the department may stand before or after the ①②③ items.
DEPARTMENTS = [
    '경제진흥본부', '지역발전본부', '정보기획관', '관광체육국', '문화본부', '도시계획국', '도시교통본부', '기획조정실',
    '도시재생본부', '주택건축국', '안전총괄본부', '민생사법경찰단', '행정국', '서울혁신기획관', '일자리노동정책관',
    '복지본부', '시민건강국', '여성가족정책실', '평생교육국', '소방재난본부', '기후환경본부', '물순환안전국',
    '상수도사업본부', '도시공간개선단', '푸른도시국',
]

# ---------------------------------------------------------------------------------------------------------------
# Hand-corrections.

# The converter wrote `?` for characters it lost. Between words it was `·` (핀테크?블록체인, 지?옥?고); these two were
# a dash between a title and its subtitle (compare the campaign list: "완전 해소 - 와이파이 …", "추진 - 공동체 …").
QUESTION_MARK_OVERRIDES = {
    '완전해소?근거리': '완전해소 - 근거리',
    '추진? 공동체활동': '추진 - 공동체활동',
}

# Core-pledge names whose spacing the converter squashed (narrow table cells); spacing taken from the campaign list.
CORE_PLEDGE_NAME_OVERRIDES = {
    '4-5': '태양의 도시, 서울 : 1백만 가구 태양광 미니발전소 설치',
    '2-6': '불법·불공정거래·갑질 ZERO 정착',
}

# Project corrections: name / subItems where the flattened text is ambiguous.
PROJECT_OVERRIDES = {
    # The quote opened before the space: "25개 자치구별‘ 서울청년종합지원센터(Y.C)’ 설립".
    '7-8-2': {'name': '25개 자치구별 ‘서울청년종합지원센터(Y.C)’ 설립'},
    # Listed with dashes instead of ①②: two sub-items under one heading.
    '5-1-1': {'name': '음악도시 인프라 구축', 'subItems': ['서울 클래식 전용 콘서트홀 건립', '서울시립국악원 설립']},
}

# The overview table's slogans lost spaces in conversion ("안전한도시를위한"); written out here as the plan means them.
AREA_GOALS = {
    1: '도시를 키우는 미래산업으로 서울이 한단계 도약합니다.',
    2: '서울 어느 곳이든 더불어 잘 사는 서울이 됩니다.',
    3: '서울이 아이들과 어르신, 장애인을 함께 돌봅니다.',
    4: '안전한 도시를 위한 서울의 노력이 계속됩니다.',
    5: '시민의 하루하루가 빛나는 매력적인 서울을 만들겠습니다.',
    6: '시민이 참여하고 시민이 결정하는 열린 서울이 됩니다.',
    7: '천만 시민만큼 다양한 맞춤형 정책으로 천만 개의 꿈이 이뤄지는 서울이 됩니다.',
}

# Campaign titles whose fuzzy match is not left to chance (none needed at the time of writing; the script prints every
# match with its score so a reviewer can check them all). Key: campaign number, value: core pledge id.
CAMPAIGN_OVERRIDES: dict[int, str] = {}

CAMPAIGN_CATEGORIES = [
    '자영업', '노동자', '청년', '여성', '장애인', '어르신',
    '미래특별시', '더불어특별시', '사람특별시', '안전특별시', '일상특별시', '민주주의특별시',
]

CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩'


def fix_question_marks(text: str) -> str:
    for bad, good in QUESTION_MARK_OVERRIDES.items():
        text = text.replace(bad, good)
    return text.replace('?', '·')


def clean(text: str) -> str:
    return re.sub(r'\s+', ' ', text).strip()


# ---------------------------------------------------------------------------------------------------------------
# Overview table ("공약현황").

def parse_overview(plan: str) -> list[dict]:
    start = plan.index('정책목표 정책내용 핵심공약 세부사업')
    end = plan.index('합계 66 238', start)
    table = plan[start + len('정책목표 정책내용 핵심공약 세부사업'):end]
    # Area headings: "1. 미래특별시", …, "7. 천만시민의 꿈이 이뤄지는 특별시".
    heading = re.compile(r'(?:^|\s)([1-7])\. ([^\s-][^-\d]*?특별시)\s')
    heads = list(heading.finditer(table))
    if len(heads) != 7:
        raise SystemExit(f'overview: expected 7 areas, found {len(heads)}')
    areas = []
    for i, h in enumerate(heads):
        body = table[h.end(): heads[i + 1].start() if i + 1 < len(heads) else len(table)]
        sub_goals = []
        for m in re.finditer(r'(?:-\s*)?([^\d]+?)\s+(\d+)\s+(\d+)(?=\s|$)', body):
            sub_goals.append({
                'name': fix_question_marks(clean(m.group(1).lstrip('- '))),
                'corePledgeCount': int(m.group(2)),
                'projectCount': int(m.group(3)),
            })
        area_id = int(h.group(1))
        areas.append({'id': area_id, 'name': clean(h.group(2)), 'goal': AREA_GOALS[area_id], 'subGoals': sub_goals})
    return areas


# ---------------------------------------------------------------------------------------------------------------
# 붙임 1 (the list).

def parse_list(plan: str) -> tuple[list[dict], list[dict]]:
    start = plan.index('붙임 1 민선7기 시장 공약사업 목록(안)')
    start = plan.index('번호 공 약 명 주관부서', start) + len('번호 공 약 명 주관부서')
    end = plan.index('※ ‘18. 9월 현재 기준으로', start)
    text = fix_question_marks(plan[start:end])

    # Ids stand alone between spaces; "SH-대학-자치구", "서울-평양", "3~5세" never look like "d-d(-d)".
    id_re = re.compile(r'(?:^|\s)([1-7]-\d{1,2}(?:-\d{1,2})?)\s')
    marks = list(id_re.finditer(text))
    core_pledges: list[dict] = []
    projects: list[dict] = []
    for i, m in enumerate(marks):
        ident = m.group(1)
        body = clean(text[m.end(): marks[i + 1].start() if i + 1 < len(marks) else len(text)])
        if ident.count('-') == 1:
            name = CORE_PLEDGE_NAME_OVERRIDES.get(ident, body)
            core_pledges.append({'id': ident, 'name': name})
        else:
            projects.append(parse_project(ident, body))
    check_sequence(core_pledges, projects)
    return core_pledges, projects


DEPT_ALT = '|'.join(sorted(map(re.escape, DEPARTMENTS), key=len, reverse=True))
# "경제진흥본부" or "경제진흥본부, (여성가족정책실)": the lead, then co-departments in parentheses.
DEPT_RE = re.compile(rf'(?:^|\s)({DEPT_ALT})((?:\s*,\s*\((?:{DEPT_ALT})\))*)(?=\s*[{CIRCLED}]|$)')


def parse_project(ident: str, body: str) -> dict:
    found = list(DEPT_RE.finditer(body))
    if len(found) != 1:
        raise SystemExit(f'{ident}: expected one department column, found {len(found)} in {body!r}')
    dept = found[0]
    lead = dept.group(1)
    co = re.findall(rf'\(({DEPT_ALT})\)', dept.group(2))
    # Remove the department column; what is left is "name ①… ②…" in either original order.
    rest = clean(body[: dept.start()] + ' ' + body[dept.end():])
    parts = re.split(rf'\s*[{CIRCLED}]\s*', rest)
    name = parts[0].strip()
    sub_items = [p.strip().rstrip(',').strip() for p in parts[1:]]
    project = {
        'id': ident,
        'corePledgeId': ident.rsplit('-', 1)[0],
        'name': name,
        'leadDepartment': lead,
        'coDepartments': co,
        'subItems': sub_items,
    }
    project.update(PROJECT_OVERRIDES.get(ident, {}))
    if not project['name'] or any(not s for s in project['subItems']):
        raise SystemExit(f'{ident}: empty name or sub-item: {project}')
    return project


def check_sequence(core_pledges: list[dict], projects: list[dict]) -> None:
    """Ids must run 1-1, 1-1-1, 1-1-2, …, 1-2, … without gaps, so no id was lost or invented by the regex."""
    by_core: dict[str, list[int]] = {}
    for p in projects:
        by_core.setdefault(p['corePledgeId'], []).append(int(p['id'].rsplit('-', 1)[1]))
    for c in core_pledges:
        nums = by_core.get(c['id'], [])
        if nums != list(range(1, len(nums) + 1)) or not nums:
            raise SystemExit(f'{c["id"]}: project numbers not consecutive: {nums}')
    if set(by_core) != {c['id'] for c in core_pledges}:
        raise SystemExit('projects refer to unknown core pledges')


# ---------------------------------------------------------------------------------------------------------------
# Sub-goal placement: within an area, core pledges are listed in sub-goal order; the overview's per-sub-goal
# core-pledge counts cut the sequence, and the project counts confirm the cut.

def assign_sub_goals(areas: list[dict], core_pledges: list[dict], projects: list[dict]) -> None:
    project_count = {c['id']: sum(1 for p in projects if p['corePledgeId'] == c['id']) for c in core_pledges}
    for area in areas:
        in_area = [c for c in core_pledges if int(c['id'].split('-')[0]) == area['id']]
        in_area.sort(key=lambda c: int(c['id'].split('-')[1]))
        pos = 0
        for index, goal in enumerate(area['subGoals']):
            chunk = in_area[pos: pos + goal['corePledgeCount']]
            got = sum(project_count[c['id']] for c in chunk)
            if len(chunk) != goal['corePledgeCount'] or got != goal['projectCount']:
                raise SystemExit(f'area {area["id"]} sub-goal {index}: counts do not match ({len(chunk)}, {got})')
            for c in chunk:
                c['areaId'] = area['id']
                c['subGoalIndex'] = index
            pos += len(chunk)
        if pos != len(in_area):
            raise SystemExit(f'area {area["id"]}: {len(in_area) - pos} core pledges left without a sub-goal')


# ---------------------------------------------------------------------------------------------------------------
# Campaign numbering (seed 002): lines "NN<category>M. title", NN counting down from 66 and M up from 1.

def parse_campaign(text: str) -> list[dict]:
    cat_alt = '|'.join(sorted(CAMPAIGN_CATEGORIES, key=len, reverse=True))
    line_re = re.compile(rf'^(\d+)({cat_alt})(\d+)\.\s*(.+?)\s*$')
    items = []
    for line in text.splitlines():
        m = line_re.match(line.strip())
        if not m:
            continue
        down, category, number, title = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
        if down + number != 67:
            raise SystemExit(f'campaign line not self-consistent: {line!r}')
        items.append({'number': number, 'category': category, 'title': title})
    if sorted(i['number'] for i in items) != list(range(1, 67)):
        raise SystemExit(f'campaign list: expected numbers 1–66, got {len(items)} lines')
    return items


def normalise(text: str) -> str:
    text = re.sub(r'\(가칭\)', '', text)
    return re.sub(r'[\s·‘’“”\'",.:!#\-–]', '', text)


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normalise(a), normalise(b)).ratio()


def map_campaign(core_pledges: list[dict], campaign: list[dict]) -> list[tuple[dict, dict, float]]:
    """Greedy best-first one-to-one matching by similarity; returns (campaign item, core pledge, score) pairs."""
    pairs = sorted(
        ((similarity(item['title'], c['name']), item['number'], c['id']) for item in campaign for c in core_pledges),
        reverse=True,
    )
    by_number = {i['number']: i for i in campaign}
    by_id = {c['id']: c for c in core_pledges}
    chosen: dict[int, str] = dict(CAMPAIGN_OVERRIDES)
    used = set(chosen.values())
    for score, number, cid in pairs:
        if number in chosen or cid in used:
            continue
        chosen[number] = cid
        used.add(cid)
    result = []
    for number, cid in sorted(chosen.items()):
        item, core = by_number[number], by_id[cid]
        core['campaignNumber'] = number
        core['campaignCategory'] = item['category']
        result.append((item, core, similarity(item['title'], core['name'])))
    return result


# ---------------------------------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--seeds', type=Path, default=DEFAULT_SEEDS)
    parser.add_argument('--out', type=Path, default=DEFAULT_OUT)
    parser.add_argument('--quiet', action='store_true', help='do not print the campaign matches for review')
    args = parser.parse_args()

    plan = (args.seeds / PLAN_FILE).read_text(encoding='utf-8')
    campaign_text = (args.seeds / CAMPAIGN_FILE).read_text(encoding='utf-8')

    areas = parse_overview(plan)
    core_pledges, projects = parse_list(plan)
    assign_sub_goals(areas, core_pledges, projects)
    matches = map_campaign(core_pledges, parse_campaign(campaign_text))

    # Checks against the plan's stated counts.
    if len(core_pledges) != EXPECTED_CORE_PLEDGES or len(projects) != EXPECTED_PROJECTS:
        raise SystemExit(f'expected 66/238, got {len(core_pledges)}/{len(projects)}')
    per_area = [sum(1 for p in projects if p['id'].startswith(f'{a}-')) for a in range(1, 8)]
    if per_area != EXPECTED_PROJECTS_PER_AREA:
        raise SystemExit(f'projects per area {per_area} != {EXPECTED_PROJECTS_PER_AREA}')
    dump = json.dumps([areas, core_pledges, projects], ensure_ascii=False)
    if '?' in dump:
        raise SystemExit('a `?` from the converter is left in the data')

    if not args.quiet:
        for item, core, score in matches:
            flag = '' if score >= 0.6 else '   <-- check'
            print(f'#{item["number"]:>2} {item["category"]:<7} {core["id"]:<5} {score:.2f}  '
                  f'{item["title"]}  ==  {core["name"]}{flag}')

    catalog = {
        'id': 'seoul-minseon7',
        'city': '서울특별시',
        'title': '민선7기 시장 공약사업 목록',
        'version': '2018-09-11',
        'asOf': '2018-09-11',
        'areas': areas,
        'corePledges': [
            {k: c[k] for k in ('id', 'areaId', 'subGoalIndex', 'name', 'campaignNumber', 'campaignCategory')}
            for c in core_pledges
        ],
        'projects': projects,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(catalog, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    print(f'wrote {args.out}: {len(areas)} areas, {len(core_pledges)} core pledges, {len(projects)} projects',
          file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
