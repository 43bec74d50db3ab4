// A component that breaks the rule, for the check in i18n.test.ts to find (not part of the app).
export function Bad() {
  return (
    <p title="Đóng">
      Xin chào <kbd>Enter</kbd> {42}
    </p>
  );
}
