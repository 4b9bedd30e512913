export { MoneyError, isMoneyError, type MoneyErrorCode, type ErrorDetails } from './errors';
export {
  COMMON_CURRENCIES,
  allCurrencies,
  assertCurrency,
  isCurrencyCode,
  minorDigits,
} from './currency';
export {
  Dec,
  MAX_SIGNIFICANT_DIGITS,
  decToBigInt,
  minorToMajorString,
  toDec,
  toPlainString,
  type DecimalInput,
} from './decimal';
export {
  DEFAULT_ROUNDING,
  ROUNDING_MODES,
  assertSafeMinor,
  roundMinor,
  roundQuotient,
  roundToMinor,
  type RoundingMode,
} from './rounding';
export {
  add,
  compareMoney,
  isSameCurrency,
  money,
  multiplyByDecimal,
  negate,
  subtract,
  sum,
  toMajorString,
  zeroMoney,
  type Money,
} from './money';
export {
  parseDecimal,
  parseMoney,
  type ParseDecimalErrorCode,
  type ParseDecimalResult,
  type ParseMoneyErrorCode,
  type ParseMoneyResult,
  type ParseOptions,
} from './parse';
export { formatMoney, formatMoneyCompact, type FormatMoneyOptions } from './format';
export { chineseUpperAmount } from './chinese-upper';
