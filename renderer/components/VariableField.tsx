// The choice of the variable a ladder or break-even varies.
export function VariableField(props: {
  id: string;
  choices: readonly string[];
  value: string;
  onChange: (variable: string) => void;
  testId: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>Variable</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        {props.choices.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}
