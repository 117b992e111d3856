export interface CalendarDaysTable {
  date: string;
  /** 'holiday' (official rest day) | 'workday' (make-up workday on a weekend, 调休上班) */
  kind: string;
  name: string;
}

export interface CalendarYearsTable {
  year: number;
  /** 'chinese-days 1.5.7' or 'admin' */
  source: string;
  updated_at: string;
}
