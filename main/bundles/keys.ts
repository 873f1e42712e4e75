// Keys, key files, enrollment and rotation: one import for callers that manage department and office keys.
export {
  generateKeyPair,
  keyId,
  fingerprint,
  publicKeyPemOf,
  signBytes,
  verifyBytes,
  KEY_ID_PATTERN,
  type KeyPairPem,
} from './key-material';
export { writePrivateKeyFile, readPrivateKeyFile } from './key-files';
export {
  createEnrollment,
  parseEnrollment,
  enrollmentSchema,
  type Enrollment,
  type EnrollmentInput,
  type EnrollmentResult,
} from './enrollment';
export {
  createRotation,
  verifyRotation,
  rotationPayloadSchema,
  type RotationInput,
  type RotationPayload,
  type RotationResult,
} from './rotation';
export { OFFICE_DEPARTMENT } from './schemas';
