/**
 * The console formats and parses money with the shop's one money module (src/shared/money.ts):
 * amounts are integer fen everywhere, and only that module turns them into text and back.
 */
export { FEN_PER_YUAN, formatFen, parseYuan, type Fen } from '../../../src/shared/money'
