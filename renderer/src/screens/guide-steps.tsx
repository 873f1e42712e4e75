/**
 * 사용 안내's text for each role: the order of the work and what to do when something goes wrong. Each step names
 * the menu and the panel or button where it is done, with the menu's own Alt+n, so the guide and the screens read
 * alike.
 */

export interface MenuRef {
  all: { id: string; label: string; shortcut: string }[];
}

/** ‘제출 파일’ (Alt+2): a menu item as the person sees it. */
function Menu(props: { menu: MenuRef; id: string }) {
  const item = props.menu.all.find((m) => m.id === props.id);
  if (item === undefined) return null;
  return (
    <strong className="guide-menu">
      ‘{item.label}’ ({item.shortcut})
    </strong>
  );
}

export function DepartmentSteps({ menu }: { menu: MenuRef }) {
  return (
    <ol className="guide-steps" data-testid="guide-steps">
      <li>
        <b>서명 키 (처음 한 번)</b> — <Menu menu={menu} id="submission" />의 서명 키에서 ‘서명 키 만들기’,
        그다음 ‘등록 파일 내보내기’. 그 파일을 기획담당관에게 보내고, 기획담당관이 전화하면 화면의 지문을 서로
        읽어 확인합니다.
      </li>
      <li>
        <b>기준 자료 적용</b> — 기획담당관의 키 등록 파일을 가져와 지문을 확인한 뒤, 기획담당관이 보내는 기준
        자료 파일(공약사업 목록, 임기·제출 기한, 확정된 실천계획서, 승인된 조정 요청서, 받은 제출 파일 목록)을
        받을 때마다 같은 화면의 ‘기준 자료 적용’에서 적용합니다.
      </li>
      <li>
        <b>실천계획서 (처음 한 번, 위의 제출기한까지)</b> — <Menu menu={menu} id="drafting" />
        에서 주관하는 사업마다 씁니다. 확정된 계획서의 정책목표·단위사업·연차별 추진계획은 관리카드에서 고칠
        수 없습니다 (추후 임의변경불가).
      </li>
      <li>
        <b>반기마다 관리카드와 재정집행현황</b> — 반기가 끝나면 <Menu menu={menu} id="drafting" />
        에서 사업마다 관리카드(붙임4)와 재정집행현황 확보내역(붙임5)을 씁니다. 새 관리카드는 지난 반기 카드의
        내용으로 시작합니다. 협조부서로 참여하는 사업은 재정집행현황만 씁니다. 화면 위의 제출기한 안내가 아직
        쓰지 않았거나 오류가 있는 사업을 알려 줍니다. 입력은 저절로 저장됩니다.
      </li>
      <li>
        <b>제출 파일 만들기</b> — <Menu menu={menu} id="submission" />의 ‘제출 파일 만들기’에서 반기를
        고릅니다. 서명된 파일 하나가 만들어집니다. 오류가 있는 문서는 빠지고, 빠진 문서를 알려 줍니다.
      </li>
      <li>
        <b>보내기</b> — 그 파일을 공유 폴더, 메일 또는 USB로 기획담당관에게 보냅니다. 보낸 뒤에 고친 내용은
        제출 파일을 다시 만들어 (다음 회차) 보냅니다.
      </li>
      <li>
        <b>접수 확인</b> — 다음 기준 자료를 적용하면 ‘만든 제출 파일’에 기획담당관의 접수 확인이 나타납니다.
      </li>
      <li>
        <b>공약을 바꿔야 할 때</b> — <Menu menu={menu} id="drafting" />
        에서 조정 요청서(붙임6)를 써서 제출하면 반기 제출 파일에 함께 들어갑니다. 시민공약평가단의 결정은 기준
        자료로 돌아옵니다.
      </li>
    </ol>
  );
}

export function DepartmentTroubles({ menu }: { menu: MenuRef }) {
  return (
    <dl className="guide-troubles">
      <dt>‘저장하지 못했습니다’나 ‘저장 안 됨’이 보일 때</dt>
      <dd>
        입력한 내용은 화면에 그대로 있습니다. 화면이 말하는 이유를 고치면 다시 저장됩니다. 형식이 맞지 않아
        저장되지 않은 칸(예: 금액에 쓴 글자)은 제출 전 확인 맨 위에 ‘저장 안 됨’으로 나옵니다.
      </dd>
      <dt>기획담당관이 제출 파일을 받지 못했다고 할 때</dt>
      <dd>
        <Menu menu={menu} id="submission" />의 ‘만든 제출 파일’에 파일마다 있는 곳이 적혀 있습니다. 그 파일을
        다시 보내면 됩니다 (이미 받은 파일은 중복으로 처리됩니다). 파일이 정말 없어졌다면 ‘받지 못한 제출 파일
        — 이어 보내기’를 씁니다.
      </dd>
      <dt>여러 과가 각자 PC에서 쓸 때</dt>
      <dd>
        쓴 PC의 <Menu menu={menu} id="drafting" /> 아래 ‘다른 PC와 작성 문서 주고받기 (같은 부서)’에서 사업을
        골라 ‘작성 문서 파일 만들기’로 파일을 만들고, 부서 키가 있는 PC의 같은 자리에서 그 파일을 고릅니다.
        문서마다 새로 들어오는지, 이 PC 문서를 바꾸는지, 이 PC 문서가 더 최근인지 보여 주고 고른 것만
        가져옵니다. 바뀌기 전 내용은 저장 기록에 남습니다. 제출 파일은 부서 키가 있는 PC 한 곳에서만 만듭니다.
      </dd>
      <dt>PC를 바꿀 때</dt>
      <dd>
        ‘설정 변경’의 ‘지금 백업’으로 만든 파일을 새 PC의 ‘백업에서 복원’으로 엽니다. 서명 키는 백업에
        들어가지 않으니 새 PC에서 새 서명 키를 만들고 등록 파일을 기획담당관에게 다시 보내 승인받습니다.
      </dd>
      <dt>서명 키를 잃었을 때</dt>
      <dd>기획담당관에게 그 키의 폐기를 요청하고, ‘새 서명 키 만들기’로 만든 키의 등록 파일을 보냅니다.</dd>
      <dt>기준 자료가 적용되지 않을 때</dt>
      <dd>
        메시지가 이유를 말합니다. 기획담당관 키를 아직 신뢰하지 않았거나, 기획담당관과 프로그램 버전이 다를 수
        있습니다.
      </dd>
    </dl>
  );
}

export function OfficeSteps({ menu }: { menu: MenuRef }) {
  return (
    <ol className="guide-steps" data-testid="guide-steps">
      <li>
        <b>기획담당관 서명 키 (처음 한 번)</b> — <Menu menu={menu} id="submission" />의 ‘기획담당관 서명
        키’에서 ‘서명 키 만들기’, 그다음 ‘등록 파일 내보내기’. 그 파일을 모든 부서에 보내고, 부서가 전화하면
        화면의 지문을 불러 줍니다. 부서는 이 키로 기준 자료를 확인합니다.
      </li>
      <li>
        <b>키 등록</b> — <Menu menu={menu} id="submission" />의 ‘부서 키 등록부’에서 새 부서의 키 등록 파일을
        가져오고, 부서 담당자와 전화로 지문을 서로 읽어 확인한 뒤 승인합니다. 승인 전에 온 제출 파일은
        격리되어 있다가 승인하면 반영됩니다.
      </li>
      <li>
        <b>제출 파일 가져오기</b> — 공유 폴더나 USB의 폴더를 통째로 ‘제출 파일 가져오기’에 끌어다 놓습니다.
        기한 안에 왔지만 늦게 가져오는 파일은 ‘접수일’에 온 날을 적습니다.
      </li>
      <li>
        <b>실천계획 확정</b> — 임기 초와 부서가 계획서를 다시 보냈을 때, <Menu menu={menu} id="report" />의
        ‘실천계획 확정’에서 시민공약평가단이 승인한 계획서를 확정합니다.
      </li>
      <li>
        <b>현황 보기와 결정</b> — <Menu menu={menu} id="report" />
        에서 방금 끝난 반기를 고릅니다. ‘제출 현황’에서 지연·미제출을 보고, ‘충돌’, ‘완료 요청’, ‘조정 내역’의
        표시된 건을 결정합니다.
      </li>
      <li>
        <b>보고와 공개</b> — ‘엑셀로 내보내기’와 ‘인쇄’로 시장 보고 자료를, ‘공개 자료 내보내기’로 누리집과
        공약지도에 올릴 파일을 만듭니다. 임기 동안 완료율이 어떻게 늘었는지는 ‘이행 추이’ 탭과 ‘이행 추이
        엑셀로 내보내기’로 봅니다. 그 전에 <Menu menu={menu} id="submission" />의 ‘받은 제출 파일 점검’이
        저장된 문서가 받은 파일 그대로인지 확인합니다.
      </li>
      <li>
        <b>기준 자료 보내기</b> — 가져오기를 마치면 <Menu menu={menu} id="submission" />의 ‘기준 자료
        내보내기’로 만든 파일을 모든 부서에 보냅니다. 부서는 이 파일로 확정된 계획서와 접수 확인을 받습니다.
      </li>
    </ol>
  );
}

export function OfficeTroubles({ menu }: { menu: MenuRef }) {
  return (
    <dl className="guide-troubles">
      <dt>파일이 ‘격리’되었을 때</dt>
      <dd>
        아직 승인하지 않은 키로 서명된 파일입니다. 부서 키 등록부에서 그 부서의 키를 확인해 승인하면
        반영됩니다. 폐기되거나 교체된 키이면 메시지가 이유와 부서에 요청할 일을 말합니다.
      </dd>
      <dt>‘충돌 보류’가 나왔을 때</dt>
      <dd>
        한 부서의 같은 회차를 다른 내용으로 두 번 받았습니다. <Menu menu={menu} id="report" />의 ‘충돌’에서 두
        파일의 다른 점을 보고 어느 쪽을 셀지 정합니다.
      </dd>
      <dt>‘거부’되었을 때</dt>
      <dd>
        서명 뒤에 바뀐 파일이거나, 앞 회차를 아직 받지 않은 파일입니다. 이유를 읽고 앞 회차 파일을 먼저
        가져오거나 부서에 다시 보내 달라고 합니다.
      </dd>
      <dt>제출하지 않은 부서에 알릴 때</dt>
      <dd>
        ‘제출 현황’의 ‘미제출 안내문 복사’가 부서마다 낼 문서와 기한을 한 줄씩 복사합니다. 부서의 누락
        아래에는 그 사업의 담당자(관리카드나 확정된 실천계획서에 적힌 담당, 팀장 또는 과장)와 전화번호가
        있습니다. 엑셀의 ‘담당자’ 시트가 사업마다 모두 모아 줍니다.
      </dd>
      <dt>공약사업 목록이 바뀌었을 때</dt>
      <dd>
        <Menu menu={menu} id="catalog" />
        에서 사업을 열지 않은 채 ‘공약사업 목록 관리’: 목록을 엑셀로 받아 고친 뒤 고르면 바뀌는 내용을 먼저
        보여 줍니다. 다음 기준 자료가 부서에 전합니다.
      </dd>
    </dl>
  );
}
