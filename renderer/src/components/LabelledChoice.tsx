import { useId } from 'react';
import { SegmentedControl, Text } from '@mantine/core';

/** A segmented choice with a visible label, exposed to assistive technology as a labelled radio group. */
export function LabelledChoice(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  data: { value: string; label: string }[];
}) {
  const labelId = useId();
  return (
    <>
      <Text id={labelId} size="sm" fw={500} mb={4}>
        {props.label}
      </Text>
      <div role="radiogroup" aria-labelledby={labelId}>
        <SegmentedControl
          fullWidth
          value={props.value}
          onChange={props.onChange}
          data={props.data}
        />
      </div>
    </>
  );
}
