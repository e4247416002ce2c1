/** "updated just now", "updated 3 minutes ago": how long ago a live board last changed. */

export function updatedSince(at: Date, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - at.getTime()) / 1_000));
  if (seconds < 60) return 'updated just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `updated ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ago`;
  const hours = Math.floor(minutes / 60);
  return `updated ${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
}
