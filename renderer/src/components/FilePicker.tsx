import { useId, useRef, useState } from 'react';

/**
 * A labelled file chooser with a Korean button (the browser's own "Choose File" ignores the app's language).
 * The input stays in the page for drag-free use and automation; only the button takes keyboard focus.
 */
export function FilePicker(props: {
  label: string;
  hint?: string;
  accept?: string;
  disabled?: boolean;
  /** Several files at once (Ctrl or Shift in the dialog): `onFiles` gets them in the order chosen. */
  multiple?: boolean;
  onFile?: (file: File) => void;
  onFiles?: (files: File[]) => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="field file-picker">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="hint">{props.hint}</p>}
      <input
        id={id}
        ref={input}
        type="file"
        className="sr-only"
        tabIndex={-1}
        accept={props.accept}
        disabled={props.disabled}
        multiple={props.multiple}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          const [first] = files;
          if (first === undefined) return;
          setChosen(files.length === 1 ? first.name : `${first.name} 외 ${files.length - 1}개`);
          if (props.onFiles) props.onFiles(files);
          else props.onFile?.(first);
        }}
      />
      <div className="file-picker-row">
        <button type="button" disabled={props.disabled} onClick={() => input.current?.click()}>
          파일 선택…
        </button>
        <span className="hint">{chosen ?? '선택한 파일 없음'}</span>
      </div>
    </div>
  );
}
