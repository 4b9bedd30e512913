import { minorDigits } from './currency';
import { MoneyError } from './errors';
import { assertSafeMinor } from './rounding';

/*
 * The Chinese upper-case amount (大写金额) printed on invoices and payment documents.
 *
 * Rules: 中国人民银行《支付结算办法》(银发〔1997〕393号) 附件一
 * 《正确填写票据和结算凭证的基本规定》, items 2–4:
 *  - digits 壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, 元角分, 零, 整;
 *  - an amount that ends at 元 is followed by 整; after 分 nothing; after 角 整 is optional
 *    (we write none: ¥1,409.50 -> 壹仟肆佰零玖元伍角, the rule's own example);
 *  - a 0 between digits is written 零, a run of 0s as one 零 (¥6,007.14 -> 陆仟零柒元壹角肆分);
 *  - when 角 is 0 but 分 is not, 零 follows 元 (¥325.04 -> 叁佰贰拾伍元零肆分);
 *  - when the 元 or 万 digit is 0 but the next lower digit is not, one 零 is optional; we
 *    follow the first form of each example: ¥1,680.32 -> 壹仟陆佰捌拾元零叁角贰分 and
 *    ¥107,000.53 -> 壹拾万柒仟元零伍角叁分 (no 零 between 万 and 柒仟, as Chinese is read).
 * Tens are written 壹拾 (壹拾万), as in the rule's example, so nothing can be altered by
 * adding a digit in front.
 */

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
const WAN = 10_000;
const YI = 100_000_000;

/** 1..9999 with inner zeros collapsed to one 零 and trailing zeros silent. */
function readBelowWan(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[digit]! + PLACES[place]!;
  }
  return out;
}

/**
 * Reads n > 0 by splitting at 亿 and then at 万, recursively, so 10001 亿 reads 壹万零壹亿
 * (not 壹万亿零壹亿). A lower part that does not fill its top digit needs a 零 in front.
 */
function readInteger(n: number): string {
  if (n >= YI) {
    const high = Math.floor(n / YI);
    const low = n % YI;
    return (
      readInteger(high) + '亿' + (low === 0 ? '' : (low < YI / 10 ? '零' : '') + readInteger(low))
    );
  }
  if (n >= WAN) {
    const high = Math.floor(n / WAN);
    const low = n % WAN;
    return (
      readBelowWan(high) +
      '万' +
      (low === 0 ? '' : (low < WAN / 10 ? '零' : '') + readBelowWan(low))
    );
  }
  return readBelowWan(n);
}

/**
 * `1234567` fen -> 壹万贰仟叁佰肆拾伍元陆角柒分; `10000` -> 壹佰元整; `0` -> 零元整;
 * negative amounts (credit notes) get 负 in front. The word 元 is the unit of any currency
 * with 0 or 2 minor digits; callers put 人民币 / 美元 … in front as the document requires.
 */
export function chineseUpperAmount(amountMinor: number, currency = 'CNY'): string {
  assertSafeMinor(amountMinor);
  const digits = minorDigits(currency);
  if (digits !== 0 && digits !== 2) {
    throw new MoneyError('UNSUPPORTED_CURRENCY', { currency, minorDigits: digits });
  }
  if (amountMinor === 0) return '零元整';
  const sign = amountMinor < 0 ? '负' : '';
  const abs = Math.abs(amountMinor);
  const yuan = digits === 2 ? Math.floor(abs / 100) : abs;
  const jiao = digits === 2 ? Math.floor(abs / 10) % 10 : 0;
  const fen = digits === 2 ? abs % 10 : 0;

  let out = yuan > 0 ? readInteger(yuan) + '元' : '';
  if (jiao === 0 && fen === 0) return sign + out + '整';
  if (yuan > 0 && (jiao === 0 || yuan % 10 === 0)) out += '零';
  if (jiao !== 0) out += DIGITS[jiao]! + '角';
  if (fen !== 0) out += DIGITS[fen]! + '分';
  return sign + out;
}
