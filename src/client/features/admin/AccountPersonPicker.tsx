/** Links an account to a person by name (GET /api/accounts/people-picker: names and units only). */
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { pickPeople } from '../../api/accounts.js';
import { useT } from '../../i18n.js';

interface Option {
  value: string;
  label: string;
}

export function AccountPersonPicker({
  value,
  onChange,
  disabled,
  initialLabel,
  id,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  disabled?: boolean;
  initialLabel?: string;
  id?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[]>(value && initialLabel ? [{ value, label: initialLabel }] : []);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const term = q.trim();
    if (!term) return;
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      pickPeople(term)
        .then((items) => {
          if (live) setOptions(items.map((p) => ({ value: p.id, label: `${p.name}（${p.unitName}）` })));
        })
        .catch(() => {
          if (live) setOptions([]);
        })
        .finally(() => {
          if (live) setLoading(false);
        });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      options={options}
      placeholder={t('users.personHint')}
      notFoundContent={loading ? <Spin size="small" /> : q ? t('picker.none') : t('users.typeName')}
    />
  );
}
