import { splitEqually } from './share-split';

describe('splitEqually', () => {
  it('gives the odd pence to the first in order and adds up to the amount', () => {
    expect(splitEqually(1000n, 3)).toEqual([334n, 333n, 333n]);
    expect(splitEqually(1001n, 3)).toEqual([334n, 334n, 333n]);
    expect(splitEqually(999n, 3)).toEqual([333n, 333n, 333n]);
    expect(splitEqually(-1000n, 3)).toEqual([-334n, -333n, -333n]);
    expect(splitEqually(7n, 1)).toEqual([7n]);
  });
});
