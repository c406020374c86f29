// A bar drawn as a plain <rect>, for recharts' Bar `shape`. recharts' own Rectangle measures
// its outline when it mounts (getTotalLength), which forces a layout of the whole page for
// each bar that appears while a slider moves; these bars have no rounded corners and no
// animation, so none of that is needed.
export function PlainBar(props: { x?: number; y?: number; width?: number; height?: number; fill?: string }) {
  const { x = 0, y = 0, width = 0, height = 0 } = props;
  if (!(width > 0) || height === 0) return null;
  return <rect x={x} y={height < 0 ? y + height : y} width={width} height={Math.abs(height)} fill={props.fill} />;
}
