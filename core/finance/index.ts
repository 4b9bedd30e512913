// Spreadsheet-compatible finance functions (Excel argument order and error semantics).
export { FinanceError, isFinanceError, type FinanceErrorCode } from './errors';
export type { PaymentTiming } from './guards';
export { npv, xnpv } from './npv';
export { irr, xirr } from './irr';
export { mirr } from './mirr';
export { pmt, pv, fv, nper } from './tvm';
export { rate } from './rate';
export { ipmt, ppmt } from './amortization';
export { effect, nominal } from './rate-conversion';
export { simplePayback, discountedPayback, type Payback } from './payback';
export { roi } from './roi';
