/** The gallery: every result kept on this device. */
export function GalleryView() {
  return (
    <section className="workspace" aria-labelledby="gallery-title">
      <h2 id="gallery-title">Gallery</h2>
    </section>
  );
}
