/** An arrangement's sessions: shown and edited on the arrangement's page (there is no sessions menu entry). */
export const sessionColumns = ['date', 'startTime', 'status', 'actualHours', 'plannedHours', 'cancelledAt', 'chargeable', 'cost', 'updatedAt'];
