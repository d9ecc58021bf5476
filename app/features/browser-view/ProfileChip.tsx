import type { ProfileName } from '../../state/browsers-slice'

/** The profile's name on its colour, so Alice's, Bob's and the attacker's tabs never blur. */
export function ProfileChip({ profile }: { profile: ProfileName }) {
  return (
    <span className="bv-chip" data-profile={profile}>
      {profile}
    </span>
  )
}
