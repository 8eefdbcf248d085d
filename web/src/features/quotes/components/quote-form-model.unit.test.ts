import { describe, expect, it } from 'vitest';
import { linesPayload, previewTotals } from './quote-form-model';

describe('the quote form model', () => {
  it('leaves out a unit price the server suggested, sends a typed one in fen', () => {
    expect(
      linesPayload([
        { productId: 1, quantity: 2, unitPrice: 450, suggested: 450, discountPercent: 0, taxRate: 6 },
        { productId: 2, quantity: 1, unitPrice: 0.3, suggested: 1, discountPercent: 33, taxRate: null },
        { quantity: 1, unitPrice: 1, discountPercent: 0, taxRate: null },
      ]),
    ).toEqual([
      { productId: 1, quantity: 2, discountPercent: 0, taxRate: 6 },
      { productId: 2, quantity: 1, unitPrice: 30, discountPercent: 33 },
    ]);
  });

  it('previews totals with the server\'s rounding: 0.1 + 0.2 = 0.30, 33 % off 1 yuan = 0.67', () => {
    expect(
      previewTotals([
        { productId: 1, quantity: 1, unitPrice: 0.1, discountPercent: 0, taxRate: 0 },
        { productId: 1, quantity: 1, unitPrice: 0.2, discountPercent: 0, taxRate: 0 },
        { productId: 1, quantity: 1, unitPrice: 1, discountPercent: 33, taxRate: 0 },
        { productId: 1, quantity: 3, unitPrice: 1, discountPercent: 33.33, taxRate: 13 },
      ]),
    ).toEqual({ subtotal: 10 + 20 + 67 + 200, taxTotal: 26, total: 10 + 20 + 67 + 226 });
  });
});
