/**
 * The "帮助" button of the page frame: a short drawer saying what the page is for and which rules
 * apply. The help itself is in Chinese (src/client/help/pages-*.ts) in either UI language.
 */
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Drawer, List, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n.js';
import { helpFor, ruleLink } from './index.js';

export function HelpButton({ linkRules }: { linkRules: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const help = helpFor(pathname);
  if (!help) return null;
  return (
    <>
      <Button size="small" icon={<QuestionCircleOutlined />} onClick={() => setOpen(true)}>
        {t('help.button')}
      </Button>
      <Drawer title={t('help.title', { page: help.title })} open={open} onClose={() => setOpen(false)} size={400}>
        <div data-testid="help-drawer">
          <Typography.Paragraph>{help.purpose}</Typography.Paragraph>
          {help.steps?.length ? (
            <ol style={{ paddingLeft: 20 }}>
              {help.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          ) : null}
          {help.rules?.length ? (
            <>
              <Typography.Title level={5}>{t('help.rules')}</Typography.Title>
              <List
                size="small"
                dataSource={help.rules}
                renderItem={(r) => (
                  <List.Item>
                    <span>
                      {linkRules ? (
                        <Link to={ruleLink(r.id)} onClick={() => setOpen(false)}>
                          {r.id}
                        </Link>
                      ) : (
                        <Typography.Text code>{r.id}</Typography.Text>
                      )}{' '}
                      {r.text}
                    </span>
                  </List.Item>
                )}
              />
            </>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('help.more')}
          </Typography.Paragraph>
        </div>
      </Drawer>
    </>
  );
}
