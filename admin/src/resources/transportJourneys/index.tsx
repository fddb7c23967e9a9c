/** A route's journeys: shown and edited on the route's page (there is no journeys menu entry). */
export const journeyColumns = ['date', 'leg', 'status', 'escort', 'waitingMinutes', 'miles', 'cancelledAt', 'cost', 'updatedAt'];
