/**
 * Picks a person by name from GET /api/people (optionally within one unit), searching as one
 * types. Options are shown only once they answer what was typed (no stale list to mis-click while
 * the search runs); the chosen person stays labelled when a later search does not list them.
 */
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { usePeople } from '../api/people.js';
import { useT } from '../i18n.js';

interface Option {
  value: string;
  label: string;
}

export function PersonPicker({
  unitId,
  value,
  onChange,
  id,
}: {
  unitId?: string;
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}) {
  const t = useT();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Option | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const people = usePeople({ unitId, q: q || undefined, page: 1, pageSize: 20, sort: 'name' });
  const settled = input.trim() === q && !people.isFetching;
  const found: Option[] = settled
    ? (people.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `${p.name}（${p.unitName}${p.currentPost ? ` · ${p.currentPost}` : ''}）`,
      }))
    : [];
  const options =
    chosen && chosen.value === value && !found.some((o) => o.value === value) ? [chosen, ...found] : found;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value}
      onChange={(v: string, option) => {
        setChosen(option && !Array.isArray(option) ? { value: v, label: String(option.label) } : null);
        onChange?.(v);
      }}
      placeholder={t('picker.person')}
      notFoundContent={settled ? t('picker.none') : <Spin size="small" />}
      options={options}
      allowClear
    />
  );
}
