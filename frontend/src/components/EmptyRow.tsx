import type { ReactNode } from "react";

/** A table's one row saying it has none: inside the table, where its caption and headers say of what. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="empty">
        {children}
      </td>
    </tr>
  );
}
