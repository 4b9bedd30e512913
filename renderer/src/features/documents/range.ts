const iso = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Last calendar month: what an accountant usually asks for. */
export function lastMonthRange(today = new Date()): { from: string; to: string } {
  const first = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  const last = new Date(today.getFullYear(), today.getMonth(), 0);
  return { from: iso(first), to: iso(last) };
}

/** The month before `today`, `YYYY-MM`: the period a report is usually wanted for. */
export function lastMonth(today = new Date()): string {
  return lastMonthRange(today).from.slice(0, 7);
}
