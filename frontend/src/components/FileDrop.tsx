/** Drop a file, or pick one with a real button (keyboard) that opens the file chooser. */
import { useId, useRef, useState, type ReactNode } from "react";

export function FileDrop({ onFile, dropText, pickText, disabled, children }: { onFile: (file: File) => void; dropText: string; pickText: string; disabled?: boolean; children?: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const id = useId();
  return (
    <div
      className={`filedrop${over ? " filedrop-over" : ""}${disabled ? " filedrop-disabled" : ""}`}
      data-testid="filedrop"
      onDragOver={(event) => {
        if (disabled) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <span>{dropText} </span>
      <button type="button" className="btn-link" onClick={() => input.current?.click()} disabled={disabled} aria-controls={id}>
        {pickText}
      </button>
      <input
        ref={input}
        id={id}
        type="file"
        className="sr-only"
        tabIndex={-1}
        aria-label={pickText}
        data-testid="file-input"
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = "";
        }}
      />
      {children}
    </div>
  );
}
