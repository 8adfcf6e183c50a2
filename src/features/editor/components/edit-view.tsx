/** The edit workspace: bring an image in, paint the region to change, apply the edit. */
export function EditView() {
  return (
    <section className="workspace" aria-labelledby="edit-title">
      <h2 id="edit-title">Edit</h2>
    </section>
  );
}
