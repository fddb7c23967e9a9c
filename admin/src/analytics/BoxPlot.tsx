import { Box } from '@mui/material';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../i18n/formats';
import { pounds, shortPounds } from '../dashboard/DashboardCard';

/** One box: the five figures of a distribution as the API gives them (money strings). */
export interface BoxFigures {
  label: string;
  lowest: string;
  lowerQuartile: string;
  median: string;
  upperQuartile: string;
  highest: string;
  placements: number;
}

interface Drawn extends BoxFigures {
  range: [number, number];
}

interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: Drawn;
}

/** Whiskers from the lowest to the highest, a box between the quartiles and a line at the median, on the bar's own pixel span. */
function BoxShape({ x = 0, y = 0, width = 0, height = 0, payload }: ShapeProps) {
  if (!payload) return null;
  const [low, high] = payload.range;
  const at = (value: string) => (high === low ? x : x + ((pounds(value) - low) / (high - low)) * width);
  const top = y + height * 0.15;
  const bottom = y + height * 0.85;
  const mid = y + height / 2;
  const q1 = at(payload.lowerQuartile);
  const q3 = at(payload.upperQuartile);
  const median = at(payload.median);
  return (
    <g data-testid="box" data-label={payload.label}>
      <line x1={x} x2={x + width} y1={mid} y2={mid} stroke="#455a64" />
      <line x1={x} x2={x} y1={top} y2={bottom} stroke="#455a64" />
      <line x1={x + width} x2={x + width} y1={top} y2={bottom} stroke="#455a64" />
      <rect x={q1} y={top} width={Math.max(q3 - q1, 1)} height={bottom - top} fill="#90caf9" stroke="#1565c0" />
      <line x1={median} x2={median} y1={top} y2={bottom} stroke="#0d47a1" strokeWidth={3} />
    </g>
  );
}

function BoxTooltip({ active, payload }: { active?: boolean; payload?: Array<{ payload: Drawn }> }) {
  const d = active ? payload?.[0]?.payload : undefined;
  if (!d) return null;
  return (
    <Box sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', p: 1, fontSize: 13 }}>
      <strong>{d.label}</strong> ({d.placements})
      <br />
      {formatMoney(d.lowest)} · {formatMoney(d.lowerQuartile)} · <strong>{formatMoney(d.median)}</strong> · {formatMoney(d.upperQuartile)} · {formatMoney(d.highest)}
    </Box>
  );
}

/** A horizontal box plot, one box per row: money figures turned into numbers for drawing only (the tables show the exact strings). */
export function BoxPlot({ boxes, height }: { boxes: BoxFigures[]; height?: number }) {
  const data: Drawn[] = boxes.map((b) => ({ ...b, range: [pounds(b.lowest), pounds(b.highest)] }));
  return (
    <Box sx={{ height: height ?? Math.max(160, 40 + boxes.length * 32) }} data-testid="box-plot">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, left: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 'auto']} tickFormatter={shortPounds} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={200} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip content={<BoxTooltip />} cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
          <Bar dataKey="range" shape={<BoxShape />} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
