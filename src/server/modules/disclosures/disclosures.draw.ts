/**
 * The verifiable spot-check draw (PM-06): the pure functions live in src/common/draw.ts so the
 * server, the CLI and the browser's 抽查验证 page run the same code.
 */
export * from '../../../common/draw.js';
