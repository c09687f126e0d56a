// The Excel bridge passes the contract every Bridge passes, over the fake Excel object model.
import { bridgeContract } from '../sidebar/bridge-contract';
import { makeExcelBridge } from './harness';

bridgeContract(makeExcelBridge, 'ExcelBridge (fake Excel)');
