/** The generate workspace: prompt and settings beside the results of each job. */
export function GenerateView() {
  return (
    <section className="workspace" aria-labelledby="generate-title">
      <h2 id="generate-title">Generate</h2>
      <p>
        Easel is a studio for OpenAI-style image generation: write a prompt, pick a model, generate;
        paint a region of an image and edit it; find everything again in the gallery.
      </p>
    </section>
  );
}
