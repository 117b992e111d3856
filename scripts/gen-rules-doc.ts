import { writeFileSync } from 'node:fs';
import { renderRulesDoc } from '../src/common/rules/catalogue-doc.js';

writeFileSync('docs/rules.md', renderRulesDoc());
console.log('docs/rules.md written');
