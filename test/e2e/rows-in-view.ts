import type { Locator } from '@playwright/test';

/** The data rows of a region whose whole box lies inside the region's box: rows a person can read. */
export async function rowsInside(region: Locator): Promise<number> {
  const box = (await region.boundingBox())!;
  let inside = 0;
  for (const row of await region.locator('[role="row"][row-id]').all()) {
    const r = await row.boundingBox();
    if (r && r.height > 0 && r.y >= box.y && r.y + r.height <= box.y + box.height) inside += 1;
  }
  return inside;
}
