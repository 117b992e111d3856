/** The home page's 待办: what waits for this person, overdue first, each with its deadline and a link. */
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { HomeTodo, TodoItem } from '../../../common/contracts/home.js';
import { TODO_KIND_LABELS } from '../../../common/home-todo.js';
import { apiFetch } from '../../api/client.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';

export function useHomeTodo() {
  return useQuery({
    queryKey: ['home-todo'],
    // No schema: zod stays out of the first load; the server's response schema checks the shape.
    queryFn: () => apiFetch<HomeTodo>('/api/home/todo'),
  });
}

function Deadline({ item }: { item: TodoItem }) {
  const t = useT();
  if (!item.deadline) return null;
  return (
    <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>
      {t(item.overdue ? 'home.todo.overdue' : 'home.todo.due', { date: item.deadline })}
    </Typography.Text>
  );
}

export function TodoCard() {
  const t = useT();
  const q = useHomeTodo();
  return (
    <Card size="small" title={t('home.todo.title')} style={{ marginBottom: 16 }} data-testid="todo">
      <QueryState query={q}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.todo.none')} />
          ) : (
            // A plain list, not antd's List: that one brings pagination and Select into the first load.
            <ul className="todo-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((i) => (
                <li
                  key={`${i.kind}:${i.url}:${i.title}`}
                  className="ant-list-item"
                  style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
                >
                  <Space wrap size={[8, 2]}>
                    <Tag color={i.overdue ? 'red' : 'blue'}>{TODO_KIND_LABELS[i.kind]}</Tag>
                    <Link to={i.url}>{i.title}</Link>
                    {i.unitName ? <Typography.Text type="secondary">{i.unitName}</Typography.Text> : null}
                    <Deadline item={i} />
                  </Space>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Card>
  );
}
