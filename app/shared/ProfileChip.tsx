import './profile-chip.css'

/** The profile's name on its colour, so Alice's, Bob's and the attacker's requests never blur. */
export function ProfileChip({ profile }: { profile: string }) {
  return (
    <span className="profile-chip" data-profile={profile}>
      {profile}
    </span>
  )
}
