// Placeholder until the overview page lands.
export default function Index() {
  return <h1>Civic Hub</h1>;
}
