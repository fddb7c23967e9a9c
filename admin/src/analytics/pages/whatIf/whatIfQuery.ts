/** The what-if's figures as the API gives them (money as exact strings). */
export interface WhatIfMonth {
  month: string;
  forecast: string;
  cumulativeForecast: string;
  budget: string;
  budgetToDate: string;
  childrenInCare: number;
}

export interface WhatIfForecast {
  outturn: string;
  budget: string;
  variance: string;
  childrenInCareAtYearEnd: number;
  months: WhatIfMonth[];
}

export interface WhatIfResult {
  whatIf: {
    base: WhatIfForecast;
    scenario: WhatIfForecast;
    outturnDifference: string;
    childrenInCareDifference: number;
    moves: Array<{ index: number; placementIds: string[]; weeklyCostBefore: string; weeklyCostAfter: string }>;
  };
}

const FORECAST = 'outturn budget variance childrenInCareAtYearEnd months { month forecast cumulativeForecast budget budgetToDate childrenInCare }';

export const WHAT_IF = `query WhatIf($financialYear: String!, $localityId: ID, $asOf: Date, $moves: [WhatIfMoveInput!]!) {
  whatIf(financialYear: $financialYear, localityId: $localityId, asOf: $asOf, moves: $moves) {
    base { ${FORECAST} } scenario { ${FORECAST} }
    outturnDifference childrenInCareDifference moves { index placementIds weeklyCostBefore weeklyCostAfter }
  }
}`;

export const LOCALITIES = `query WhatIfLocalities { localities(first: 500) { nodes { id name } } }`;
