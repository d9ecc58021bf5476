/** The profile that sent a request, on its colour (the browser view's and cookie jar's). */
export function ProfileChip({ profile }: { profile: string }) {
  return (
    <span className="network-log__profile" data-profile={profile}>
      {profile}
    </span>
  )
}
