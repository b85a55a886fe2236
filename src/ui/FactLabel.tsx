/**
 * The label before a fact ("Run by", "运营方：") and the gap after it: a space in languages that
 * put one there, none after a full-width colon, which already carries its own spacing in CJK text.
 */
export function FactLabel({ text }: { text: string }) {
  return (
    <>
      <span class="fact-label">{text}</span>
      {text.endsWith('：') ? '' : ' '}
    </>
  );
}
