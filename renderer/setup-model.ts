// The first run's form: a list of communes pasted from anywhere (a Word list, an Excel column).
// The cleaning is core's (core/unit-names.ts), shared with the setup operation, which applies it
// again: a header row ("STT", "Tên xã") never becomes a unit, whoever calls.
export { parseCommuneList } from '../core/unit-names';
