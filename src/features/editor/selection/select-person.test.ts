import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MaskModel } from '../mask/mask-model.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import { PersonSelectorError } from './person-selector-error.ts';
import { NO_PERSON_MESSAGE, selectPersonInto, type PersonSelect } from './select-person.ts';
import { useSelectionStore } from './selection-store.ts';
import { paintOf } from './selection.test-support.ts';

const picture = {} as ImageBitmap;
const all = (mask: MaskModel) => mask.readAlpha({ x: 0, y: 0, width: 20, height: 10 });

/** "A person" in columns 5..14. */
const person: PersonSelect = async () => {
  const cells = new Uint8Array(200).map((_, i) => (i % 20 >= 5 && i % 20 < 15 ? 255 : 0));
  return paintOf(cells, 20, 100, { x: 5, y: 0, width: 10, height: 10 });
};

function brushed() {
  const mask = new MaskModel(20, 10, nodeCanvas);
  mask.fillRect({ x: 0, y: 0, width: 3, height: 10 }, 'paint');
  return mask;
}

beforeEach(() => useSelectionStore.setState({ working: null, error: null }));

describe('Select person', () => {
  it('makes the person the mask in one undo step; Shift adds to what is there', async () => {
    const announce = vi.fn();
    const mask = brushed();
    await selectPersonInto(mask, picture, 'replace', person, announce);
    expect(all(mask).filter((a) => a === 255)).toHaveLength(100);
    expect(announce).toHaveBeenCalledWith('Selected the person: 100 pixels');
    expect(mask.undo()).toBe('Select person');
    await selectPersonInto(mask, picture, 'add', person, announce);
    expect(all(mask).filter((a) => a === 255)).toHaveLength(130);
  });

  it('a selector that cannot start leaves the mask untouched and says so', async () => {
    const mask = brushed();
    const before = all(mask);
    const broken: PersonSelect = async () => {
      throw new PersonSelectorError(
        'Could not start the person selector (the model did not load).',
      );
    };
    await selectPersonInto(mask, picture, 'replace', broken, vi.fn());
    expect(all(mask)).toEqual(before);
    expect(mask.history.entryCount).toBe(1);
    expect(useSelectionStore.getState().error).toBe(
      'Could not start the person selector (the model did not load). Your mask is unchanged.',
    );
    expect(useSelectionStore.getState().working).toBeNull();
  });

  it('no person in the picture: the mask stays, and the designer is told', async () => {
    const mask = brushed();
    const before = all(mask);
    await selectPersonInto(
      mask,
      picture,
      'replace',
      async () => paintOf(new Uint8Array(200), 20, 0, null),
      vi.fn(),
    );
    expect(all(mask)).toEqual(before);
    expect(useSelectionStore.getState().error).toBe(NO_PERSON_MESSAGE);
  });

  it('painting while the model works is never thrown away by a replace', async () => {
    const mask = brushed();
    const slow: PersonSelect = async (p) => {
      mask.fillRect({ x: 18, y: 0, width: 2, height: 10 }, 'paint');
      return person(p);
    };
    await selectPersonInto(mask, picture, 'replace', slow, vi.fn());
    expect(all(mask).filter((a) => a === 255)).toHaveLength(50);
    expect(useSelectionStore.getState().error).toMatch(/mask changed/);
  });
});
