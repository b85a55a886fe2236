/**
 * A model family and its builder named once when one name holds the other: "DeepSeek by DeepSeek
 * (China)" reads twice, so it is "DeepSeek (China)"; "Mistral" by "Mistral AI" is "Mistral AI".
 */

/** The one name to show for family and builder together, or undefined when both are needed ("Gemini by Google"). */
export function oneNameFor(family: string, builder: string): string | undefined {
  const [short, long] = family.length <= builder.length ? [family, builder] : [builder, family];
  const a = short.trim().toLowerCase();
  const b = long.trim().toLowerCase();
  if (a === '') return undefined;
  // A whole-word prefix: "Mistral" in "Mistral AI", never "Qwen" in "Qwenzy".
  return b === a || (b.startsWith(a) && /^[\s\-_.:/]/.test(b.slice(a.length))) ? long : undefined;
}
