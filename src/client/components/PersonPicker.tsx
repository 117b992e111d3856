/** Picks a person by name from GET /api/people (optionally within one unit), searching as one types. */
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { usePeople } from '../api/people.js';
import { useT } from '../i18n.js';

export function PersonPicker({ unitId, value, onChange, id }: { unitId?: string; value?: string; onChange?: (v: string) => void; id?: string }) {
  const t = useT();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const people = usePeople({ unitId, q: q || undefined, page: 1, pageSize: 20, sort: 'name' });
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}（${p.unitName}${p.currentPost ? ` · ${p.currentPost}` : ''}）`,
  }));
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value}
      onChange={onChange}
      placeholder={t('picker.person')}
      notFoundContent={people.isFetching ? <Spin size="small" /> : t('picker.none')}
      options={options}
      allowClear
    />
  );
}
