export { type Fault, type FakeRequest, type FakeUpstream } from './fakeUpstreamServer';
export { type FakeWordPress, type FakeWordPressOptions, startFakeWordPress } from './fakeWordPress';
export { type FakeService, type FakeServiceOptions, type ServiceKind, startFakeService, startFakeServices } from './fakeServices';
export { enlargeNewsroom } from './enlargeNewsroom';
export { type FakeReaderService, startFakeReaderService } from './fakeReaderService';
