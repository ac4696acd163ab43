export { StateView } from './StateView'
export { Price } from './Price'
export { Stepper } from './Stepper'
export { Checkbox } from './Checkbox'
