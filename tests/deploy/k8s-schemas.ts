/**
 * Validation of rendered manifests against the Kubernetes API schemas, through the validators
 * that npm's kubernetes-models compiles (with ajv) from the Kubernetes OpenAPI spec, and
 * @kubernetes-models/keda's from KEDA's CRDs. Types, required fields, enums and formats are
 * checked; the schemas allow unknown fields, so the tests check the fields that matter by name.
 */
import { Namespace } from "kubernetes-models/v1/Namespace";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Role } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { ScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
import type { K8sObject } from "./kustomize.ts";

type Model = new (data: never) => { validate(): void };

const MODELS: Record<string, Model> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Service": Service,
  "v1/ServiceAccount": ServiceAccount,
  "v1/PersistentVolumeClaim": PersistentVolumeClaim,
  "apps/v1/Deployment": Deployment,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "rbac.authorization.k8s.io/v1/Role": Role,
  "rbac.authorization.k8s.io/v1/RoleBinding": RoleBinding,
  "keda.sh/v1alpha1/ScaledObject": ScaledObject,
};

/** Why `obj` does not fit its schema, or undefined when it does (an unknown kind never fits). */
export function schemaError(obj: K8sObject): string | undefined {
  const model = MODELS[`${obj.apiVersion}/${obj.kind}`];
  if (!model) return `no schema here for ${obj.apiVersion} ${obj.kind}: add its model`;
  try {
    new model(obj as never).validate();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
