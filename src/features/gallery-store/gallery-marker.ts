/** The database's marker: a random id written into the `meta` table when it is created. */
export interface MetaRow {
  key: string;
  id: string;
  createdAt: number;
}

export const newMarker = (): MetaRow => ({
  key: 'marker',
  id: crypto.randomUUID(),
  createdAt: Date.now(),
});
