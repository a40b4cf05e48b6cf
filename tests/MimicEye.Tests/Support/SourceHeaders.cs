namespace MimicEye.Tests.Support;

/// <summary>Headers of every source table, in file order (reference sources.md §1–§5): MIMIC-IV as in
/// 2.2 and 3.1 (identical), and the 2.0 form derived by removing what 2.2 added. Used to write synthetic
/// trees whose headers look like the real ones, column positions included.</summary>
static class SourceHeaders
{
    /// <summary>MIMIC-IV 2.2 / 3.1 headers by path; procedureevents keeps its real upper-case columns.</summary>
    public static readonly IReadOnlyDictionary<string, string> MimicIv22 = new Dictionary<string, string>
    {
        ["hosp/admissions"] = "subject_id,hadm_id,admittime,dischtime,deathtime,admission_type,admit_provider_id,admission_location,discharge_location,insurance,language,marital_status,race,edregtime,edouttime,hospital_expire_flag",
        ["hosp/d_hcpcs"] = "code,category,long_description,short_description",
        ["hosp/d_icd_diagnoses"] = "icd_code,icd_version,long_title",
        ["hosp/d_icd_procedures"] = "icd_code,icd_version,long_title",
        ["hosp/d_labitems"] = "itemid,label,fluid,category",
        ["hosp/diagnoses_icd"] = "subject_id,hadm_id,seq_num,icd_code,icd_version",
        ["hosp/drgcodes"] = "subject_id,hadm_id,drg_type,drg_code,description,drg_severity,drg_mortality",
        ["hosp/emar"] = "subject_id,hadm_id,emar_id,emar_seq,poe_id,pharmacy_id,enter_provider_id,charttime,medication,event_txt,scheduletime,storetime",
        ["hosp/emar_detail"] = "subject_id,emar_id,emar_seq,parent_field_ordinal,administration_type,pharmacy_id,barcode_type,reason_for_no_barcode,complete_dose_not_given,dose_due,dose_due_unit,dose_given,dose_given_unit,will_remainder_of_dose_be_given,product_amount_given,product_unit,product_code,product_description,product_description_other,prior_infusion_rate,infusion_rate,infusion_rate_adjustment,infusion_rate_adjustment_amount,infusion_rate_unit,route,infusion_complete,completion_interval,new_iv_bag_hung,continued_infusion_in_other_location,restart_interval,side,site,non_formulary_visual_verification",
        ["hosp/hcpcsevents"] = "subject_id,hadm_id,chartdate,hcpcs_cd,seq_num,short_description",
        ["hosp/labevents"] = "labevent_id,subject_id,hadm_id,specimen_id,itemid,order_provider_id,charttime,storetime,value,valuenum,valueuom,ref_range_lower,ref_range_upper,flag,priority,comments",
        ["hosp/microbiologyevents"] = "microevent_id,subject_id,hadm_id,micro_specimen_id,order_provider_id,chartdate,charttime,spec_itemid,spec_type_desc,test_seq,storedate,storetime,test_itemid,test_name,org_itemid,org_name,isolate_num,quantity,ab_itemid,ab_name,dilution_text,dilution_comparison,dilution_value,interpretation,comments",
        ["hosp/omr"] = "subject_id,chartdate,seq_num,result_name,result_value",
        ["hosp/patients"] = "subject_id,gender,anchor_age,anchor_year,anchor_year_group,dod",
        ["hosp/pharmacy"] = "subject_id,hadm_id,pharmacy_id,poe_id,starttime,stoptime,medication,proc_type,status,entertime,verifiedtime,route,frequency,disp_sched,infusion_type,sliding_scale,lockout_interval,basal_rate,one_hr_max,doses_per_24_hrs,duration,duration_interval,expiration_value,expiration_unit,expirationdate,dispensation,fill_quantity",
        ["hosp/poe"] = "poe_id,poe_seq,subject_id,hadm_id,ordertime,order_type,order_subtype,transaction_type,discontinue_of_poe_id,discontinued_by_poe_id,order_provider_id,order_status",
        ["hosp/poe_detail"] = "poe_id,poe_seq,subject_id,field_name,field_value",
        ["hosp/prescriptions"] = "subject_id,hadm_id,pharmacy_id,poe_id,poe_seq,order_provider_id,starttime,stoptime,drug_type,drug,formulary_drug_cd,gsn,ndc,prod_strength,form_rx,dose_val_rx,dose_unit_rx,form_val_disp,form_unit_disp,doses_per_24_hrs,route",
        ["hosp/procedures_icd"] = "subject_id,hadm_id,seq_num,chartdate,icd_code,icd_version",
        ["hosp/provider"] = "provider_id",
        ["hosp/services"] = "subject_id,hadm_id,transfertime,prev_service,curr_service",
        ["hosp/transfers"] = "subject_id,hadm_id,transfer_id,eventtype,careunit,intime,outtime",
        ["icu/caregiver"] = "caregiver_id",
        ["icu/chartevents"] = "subject_id,hadm_id,stay_id,caregiver_id,charttime,storetime,itemid,value,valuenum,valueuom,warning",
        ["icu/d_items"] = "itemid,label,abbreviation,linksto,category,unitname,param_type,lownormalvalue,highnormalvalue",
        ["icu/datetimeevents"] = "subject_id,hadm_id,stay_id,caregiver_id,charttime,storetime,itemid,value,valueuom,warning",
        ["icu/icustays"] = "subject_id,hadm_id,stay_id,first_careunit,last_careunit,intime,outtime,los",
        ["icu/ingredientevents"] = "subject_id,hadm_id,stay_id,caregiver_id,starttime,endtime,storetime,itemid,amount,amountuom,rate,rateuom,orderid,linkorderid,statusdescription,originalamount,originalrate",
        ["icu/inputevents"] = "subject_id,hadm_id,stay_id,caregiver_id,starttime,endtime,storetime,itemid,amount,amountuom,rate,rateuom,orderid,linkorderid,ordercategoryname,secondaryordercategoryname,ordercomponenttypedescription,ordercategorydescription,patientweight,totalamount,totalamountuom,isopenbag,continueinnextdept,statusdescription,originalamount,originalrate",
        ["icu/outputevents"] = "subject_id,hadm_id,stay_id,caregiver_id,charttime,storetime,itemid,value,valueuom",
        ["icu/procedureevents"] = "subject_id,hadm_id,stay_id,caregiver_id,starttime,endtime,storetime,itemid,value,valueuom,location,locationcategory,orderid,linkorderid,ordercategoryname,ordercategorydescription,patientweight,isopenbag,continueinnextdept,statusdescription,ORIGINALAMOUNT,ORIGINALRATE",
    };

    static readonly string[] AddedIn22 = ["admit_provider_id", "enter_provider_id", "order_provider_id", "caregiver_id"];

    /// <summary>MIMIC-IV 2.0: no provider and caregiver tables, none of the provider columns 2.2 inserted mid-row.</summary>
    public static IReadOnlyDictionary<string, string> MimicIv(string version) => version.StartsWith("2.0", StringComparison.Ordinal)
        ? MimicIv22.Where(t => t.Key is not ("hosp/provider" or "icu/caregiver"))
            .ToDictionary(t => t.Key, t => string.Join(',', t.Value.Split(',').Where(c => !AddedIn22.Contains(c))))
        : MimicIv22;

    public static readonly IReadOnlyDictionary<string, string> Ed = new Dictionary<string, string>
    {
        ["ed/diagnosis"] = "subject_id,stay_id,seq_num,icd_code,icd_version,icd_title",
        ["ed/edstays"] = "subject_id,hadm_id,stay_id,intime,outtime,gender,race,arrival_transport,disposition",
        ["ed/medrecon"] = "subject_id,stay_id,charttime,name,gsn,ndc,etc_rn,etccode,etcdescription",
        ["ed/pyxis"] = "subject_id,stay_id,charttime,med_rn,name,gsn_rn,gsn",
        ["ed/triage"] = "subject_id,stay_id,temperature,heartrate,resprate,o2sat,sbp,dbp,pain,acuity,chiefcomplaint",
        ["ed/vitalsign"] = "subject_id,stay_id,charttime,temperature,heartrate,resprate,o2sat,sbp,dbp,rhythm,pain",
    };

    const string Chexpert = "subject_id,study_id,Atelectasis,Cardiomegaly,Consolidation,Edema,Enlarged Cardiomediastinum,Fracture,Lung Lesion,Lung Opacity,No Finding,Pleural Effusion,Pleural Other,Pneumonia,Pneumothorax,Support Devices";

    public static readonly IReadOnlyDictionary<string, string> CxrJpg = new Dictionary<string, string>
    {
        ["mimic-cxr-2.0.0-metadata"] = "dicom_id,subject_id,study_id,PerformedProcedureStepDescription,ViewPosition,Rows,Columns,StudyDate,StudyTime,ProcedureCodeSequence_CodeMeaning,ViewCodeSequence_CodeMeaning,PatientOrientationCodeSequence_CodeMeaning",
        ["mimic-cxr-2.0.0-chexpert"] = Chexpert,
        ["mimic-cxr-2.0.0-negbio"] = Chexpert,
        ["mimic-cxr-2.0.0-split"] = "dicom_id,study_id,subject_id,split",
    };

    const string ReflacxPhase1 = "id,split,eye_tracking_data_discarded,image,dicom_id,subject_id,image_size_x,image_size_y,Airway wall thickening,Atelectasis,Consolidation,Emphysema,Enlarged cardiac silhouette,Fibrosis,Fracture,Groundglass opacity,Mass,Nodule,Other,Pleural effusion,Pleural thickening,Pneumothorax,Pulmonary edema,Quality issue,Support devices,Wide mediastinum";
    const string ReflacxPhase23 = "id,split,eye_tracking_data_discarded,image,dicom_id,subject_id,image_size_x,image_size_y,Abnormal mediastinal contour,Acute fracture,Atelectasis,Consolidation,Enlarged cardiac silhouette,Enlarged hilum,Groundglass opacity,Hiatal hernia,High lung volume / emphysema,Interstitial lung disease,Lung nodule or mass,Other,Pleural abnormality,Pneumothorax,Pulmonary edema,Support devices";

    public static readonly IReadOnlyDictionary<string, string> Reflacx = new Dictionary<string, string>
    {
        ["main_data/metadata_phase_1"] = ReflacxPhase1,
        ["main_data/metadata_phase_2"] = ReflacxPhase23,
        ["main_data/metadata_phase_3"] = ReflacxPhase23,
    };

    const string Gaze = "SESSION_ID,MEDIA_ID,DICOM_ID,CNT,Time (in secs),TIMETICK(f=10000000),FPOGX,FPOGY,FPOGS,FPOGD,FPOGID,FPOGV,BPOGX,BPOGY,BPOGV,LPCX,LPCY,LPD,LPS,LPV,RPCX,RPCY,RPD,RPS,RPV,BKID,BKDUR,BKPMIN,LPMM,LPMMV,RPMM,RPMMV,SACCADE_MAG,SACCADE_DIR,VID_FRAME,X_ORIGINAL,Y_ORIGINAL";

    public static readonly IReadOnlyDictionary<string, string> EyeGaze = new Dictionary<string, string>
    {
        // The real master sheet has 59 columns; the leading ones and the last suffice here.
        ["master_sheet"] = "dicom_id,path,study_id,patient_id,stay_id,gender,anchor_age,image_top_pad,image_bottom_pad,image_left_pad,image_right_pad,cxr_exam_indication",
        ["eye_gaze"] = Gaze,
        ["fixations"] = Gaze,
        ["bounding_boxes"] = "dicom_id,bbox_name,x1,x2,y1,y2",
    };
}
