import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../open';
import { consultantProfile, type ProfileRow } from '../schema';

export type ProfileData = Omit<ProfileRow, 'id'>;

/** The single profile row (id 1), or undefined until it is first saved. */
export function createProfileRepository(db: AppDatabase) {
  return {
    get(): ProfileRow | undefined {
      return db.select().from(consultantProfile).where(eq(consultantProfile.id, 1)).get();
    },

    save(data: ProfileData): ProfileRow {
      return db
        .insert(consultantProfile)
        .values({ ...data, id: 1 })
        .onConflictDoUpdate({ target: consultantProfile.id, set: data })
        .returning()
        .get();
    },
  };
}
