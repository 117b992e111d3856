/** 中文 / English: one button naming the other language (a Select would weigh on the first load). */
import { Button } from 'antd';
import { useLang } from '../i18n.js';

export function LangSwitch() {
  const { lang, setLang } = useLang();
  return (
    <Button size="small" aria-label="language" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
      {lang === 'en' ? '中文' : 'English'}
    </Button>
  );
}
