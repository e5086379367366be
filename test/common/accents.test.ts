import assert from 'node:assert/strict';
import { withoutAccents } from '../../server/common/accents.js';

describe('withoutAccents', () => {
  it('drops accents and keeps plain ASCII as it is', () => {
    assert.equal(withoutAccents('Pádraigh Ó Séan'), 'Padraigh O Sean');
    assert.equal(withoutAccents("O'Donoghue-Smith 45/19"), "O'Donoghue-Smith 45/19");
    assert.equal(withoutAccents('Ynys Môn'), 'Ynys Mon');
  });

  it('folds compatibility forms only when asked', () => {
    assert.equal(withoutAccents('ﬁnance'), 'ﬁnance');
    assert.equal(withoutAccents('ﬁnance', 'NFKD'), 'finance');
  });
});
