/** Working-day calendar (工作日历). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { calendarYearSchema, computeResultSchema } from '../../common/contracts/calendar.js';
import { apiFetch, type Query } from './client.js';

const yearsSchema = z.object({
  items: z.array(
    z.object({ year: z.number().int(), source: z.string().optional(), updatedAt: z.string().optional() }).loose(),
  ),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;
export type CalendarDay = CalendarYear['days'][number];

export function useCalendarYears() {
  return useQuery({
    queryKey: ['calendar-years'],
    queryFn: async () => (await apiFetch('/api/calendar/years', { schema: yearsSchema })).items,
  });
}

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: ['calendar-year', year],
    queryFn: () => apiFetch(`/api/calendar/years/${year}`, { schema: calendarYearSchema }),
    retry: false,
  });
}

export function usePutCalendarYear(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (days: CalendarDay[]) => apiFetch(`/api/calendar/years/${year}`, { method: 'PUT', body: { days } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['calendar-year', year] });
      await qc.invalidateQueries({ queryKey: ['calendar-years'] });
    },
  });
}

export function computeDeadline(query: Query) {
  return apiFetch('/api/calendar/compute', { query, schema: computeResultSchema });
}
