/**
 * Why a file of this size cannot be the image's mask, or null when its proportions fit: a
 * mask may be the same picture at another resolution, never of other proportions.
 */
export function maskSizeProblem(
  file: { width: number; height: number },
  image: { width: number; height: number },
): string | null {
  const fileRatio = file.width / file.height;
  const imageRatio = image.width / image.height;
  // One pixel of rounding either way is the same picture at another resolution.
  const tolerance = 1 / Math.min(image.width, image.height) + 1 / Math.min(file.width, file.height);
  if (Math.abs(fileRatio / imageRatio - 1) <= tolerance) return null;
  return `The mask is ${file.width}×${file.height}, but the image is ${image.width}×${image.height}. Load a mask with the image’s size.`;
}
